package org.feedback360.feedback.cycle;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which command may move a cycle from which state: DRAFT → OPEN → CLOSED → RELEASED, one
 * step at a time, never backwards. The rules that also depend on the cycle's content (a
 * window not yet closed, at least one subject) live with the cycle.
 */
public final class CycleStateMachine {

    private static final Map<CycleState, Map<CycleCommand, CycleState>> TRANSITIONS = new EnumMap<>(CycleState.class);

    static {
        for (CycleState s : CycleState.values()) {
            TRANSITIONS.put(s, new EnumMap<>(CycleCommand.class));
        }
        TRANSITIONS.get(CycleState.DRAFT).put(CycleCommand.OPEN, CycleState.OPEN);
        TRANSITIONS.get(CycleState.OPEN).put(CycleCommand.CLOSE, CycleState.CLOSED);
        TRANSITIONS.get(CycleState.CLOSED).put(CycleCommand.RELEASE, CycleState.RELEASED);
    }

    private CycleStateMachine() {
    }

    /** The state the command leads to, or {@link IllegalTransition} if it may not be given now. */
    public static CycleState next(CycleState from, CycleCommand command) {
        CycleState to = TRANSITIONS.get(from).get(command);
        if (to == null) {
            throw new IllegalTransition(from, command, allowed(from));
        }
        return to;
    }

    public static Set<CycleCommand> allowed(CycleState state) {
        return Set.copyOf(TRANSITIONS.get(state).keySet());
    }

    public static final class IllegalTransition extends RuntimeException {
        public final CycleState state;
        public final CycleCommand command;
        public final Set<CycleCommand> allowed;

        IllegalTransition(CycleState state, CycleCommand command, Set<CycleCommand> allowed) {
            super("cannot " + command.path() + " a cycle that is " + state, null, false, false);
            this.state = state;
            this.command = command;
            this.allowed = allowed;
        }
    }
}
