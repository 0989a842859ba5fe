package org.feedback360.feedback.cycle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CycleStateMachineTest {

    @Test
    void theOnlyPathIsDraftOpenClosedReleased() {
        assertEquals(CycleState.OPEN, CycleStateMachine.next(CycleState.DRAFT, CycleCommand.OPEN));
        assertEquals(CycleState.CLOSED, CycleStateMachine.next(CycleState.OPEN, CycleCommand.CLOSE));
        assertEquals(CycleState.RELEASED, CycleStateMachine.next(CycleState.CLOSED, CycleCommand.RELEASE));
    }

    static Stream<Arguments> illegal() {
        return Stream.of(
                Arguments.of(CycleState.DRAFT, CycleCommand.CLOSE, Set.of(CycleCommand.OPEN)),
                Arguments.of(CycleState.DRAFT, CycleCommand.RELEASE, Set.of(CycleCommand.OPEN)),
                Arguments.of(CycleState.OPEN, CycleCommand.OPEN, Set.of(CycleCommand.CLOSE)),
                Arguments.of(CycleState.OPEN, CycleCommand.RELEASE, Set.of(CycleCommand.CLOSE)),
                Arguments.of(CycleState.CLOSED, CycleCommand.OPEN, Set.of(CycleCommand.RELEASE)),
                Arguments.of(CycleState.CLOSED, CycleCommand.CLOSE, Set.of(CycleCommand.RELEASE)),
                Arguments.of(CycleState.RELEASED, CycleCommand.OPEN, Set.of()),
                Arguments.of(CycleState.RELEASED, CycleCommand.CLOSE, Set.of()),
                Arguments.of(CycleState.RELEASED, CycleCommand.RELEASE, Set.of()));
    }

    @ParameterizedTest(name = "{1} on {0} is refused")
    @MethodSource("illegal")
    void everyOtherCommandIsRefusedWithWhatIsAllowed(CycleState state, CycleCommand command, Set<CycleCommand> allowed) {
        CycleStateMachine.IllegalTransition e = assertThrows(CycleStateMachine.IllegalTransition.class,
                () -> CycleStateMachine.next(state, command));
        assertEquals(state, e.state);
        assertEquals(command, e.command);
        assertEquals(allowed, e.allowed);
    }

    @Test
    void theTablesAboveCoverEveryPair() {
        long legal = 3;
        assertEquals(CycleState.values().length * CycleCommand.values().length, illegal().count() + legal);
        assertTrue(CycleStateMachine.allowed(CycleState.RELEASED).isEmpty());
    }
}
