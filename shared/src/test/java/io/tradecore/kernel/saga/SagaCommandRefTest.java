package io.tradecore.kernel.saga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a participant's idempotency key is read back as the saga command it answers (see SagaRuntime#claimAnswer). */
class SagaCommandRefTest {

    @Test
    void a_step_command_id_names_its_saga_step_direction_and_attempt() {
        assertThat(SagaRuntime.CommandRef.parse("0b7e-42:finalize:do:2"))
                .isEqualTo(new SagaRuntime.CommandRef("0b7e-42", "finalize", true, 2));
        assertThat(SagaRuntime.CommandRef.parse("s:1:establishConnection:undo:1"))
                .isEqualTo(new SagaRuntime.CommandRef("s:1", "establishConnection", false, 1));
    }

    @Test
    void keys_that_are_not_saga_commands_are_not_read_as_one() {
        assertThat(SagaRuntime.CommandRef.parse(null)).isNull();
        assertThat(SagaRuntime.CommandRef.parse("a-users-own-key")).isNull();
        assertThat(SagaRuntime.CommandRef.parse("c-1:saga:fail")).isNull();
        assertThat(SagaRuntime.CommandRef.parse("s:step:do:x")).isNull();
    }
}
