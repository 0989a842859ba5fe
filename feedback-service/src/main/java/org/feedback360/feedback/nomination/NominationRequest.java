package org.feedback360.feedback.nomination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The caller, a subject of the cycle, asks this colleague to rate them as a peer. */
public record NominationRequest(@NotBlank @Size(max = 64) String peerEmployeeId) {
}
