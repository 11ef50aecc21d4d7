package com.solanamafia.ingest.pipeline;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.ChainPosition;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command's handler may answer with the next command of the same chain fact; it is sent at once, in order. */
class FollowUpCommandsTest {
    static final ChainFact FACT = new ChainFact(new ChainPosition("sig", "0", 0), 1, null);

    record First(ChainFact fact) implements ChainFactCommand {
    }

    record Second(ChainFact fact) implements ChainFactCommand {
    }

    record Third(ChainFact fact) implements ChainFactCommand {
    }

    record Loop(ChainFact fact) implements ChainFactCommand {
    }

    final List<String> handled = new ArrayList<>();
    final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

    void on(Class<?> type, Object answer) {
        bus.subscribe(type.getName(), message -> {
            handled.add(type.getSimpleName());
            return answer;
        });
    }

    @Test
    void followUpsAreSentUntilAHandlerAnswersNoCommand() {
        on(First.class, new Second(FACT));
        on(Second.class, new Third(FACT));
        on(Third.class, "an aggregate id, not a command");
        FollowUpCommands.send(gateway, new First(FACT));
        assertThat(handled).containsExactly("First", "Second", "Third");
    }

    @Test
    void aHandlerAnsweringNothingEndsTheChain() {
        on(First.class, null);
        on(Second.class, null);
        FollowUpCommands.send(gateway, new First(FACT));
        assertThat(handled).containsExactly("First");
    }

    @Test
    void anEndlessChainIsAnError() {
        on(Loop.class, new Loop(FACT));
        assertThatThrownBy(() -> FollowUpCommands.send(gateway, new Loop(FACT)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(handled).hasSize(8);
    }
}
