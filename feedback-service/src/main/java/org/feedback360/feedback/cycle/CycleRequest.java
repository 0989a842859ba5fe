package org.feedback360.feedback.cycle;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A cycle as HR defines it while it is a draft.
 *
 * @param anonymityThreshold the smallest number of raters in a group whose answers are shown
 *                           (default 3, never below 2: one other rater would unmask the other)
 * @param managerVisible     whether the manager's rating is shown as the manager's (default true)
 * @param reminders          ISO-8601 durations before {@code closesAt}, e.g. {@code ["P7D", "P1D", "PT4H"]}
 */
public record CycleRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid InstrumentRef instrument,
        @Size(max = 5000) List<@NotBlank String> subjects,
        @NotNull Instant opensAt,
        @NotNull Instant closesAt,
        @Min(2) @Max(100) Integer anonymityThreshold,
        Boolean managerVisible,
        @Size(max = 10) List<@NotBlank String> reminders) {

    static final int DEFAULT_ANONYMITY_THRESHOLD = 3;

    public record InstrumentRef(@NotBlank String key, @NotNull @Min(1) Integer version) {
    }
}
