package com.solanamafia.api.chain;

import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/** Same answers as Axon's annotation-scanning resolver. */
class CommandTargetsTest {
    private static final Wallet WALLET = Wallet.of("3Ly6bEWRfKyVGwrRN27gHhBogo1K4HbZyk69KHW9AUx7");

    record Pay(String memo, @TargetAggregateIdentifier Wallet wallet, long amount) {
    }

    record NoTarget(Wallet wallet) {
    }

    record Mint(Wallet mint) {
        @TargetAggregateIdentifier
        public String nftId() {
            return "nft:" + mint;
        }
    }

    @Test
    void resolvesTheAnnotatedComponentLikeAxon() {
        Pay pay = new Pay("m", WALLET, 5);
        var axon = AnnotationCommandTargetResolver.builder().build().resolveTarget(asCommandMessage(pay));
        var ours = CommandTargets.INSTANCE.resolveTarget(asCommandMessage(pay));
        assertThat(ours.getIdentifier()).isEqualTo(axon.getIdentifier()).isEqualTo(WALLET.base58());
        assertThat(ours.getIdentifierValue()).isEqualTo(axon.getIdentifierValue());
        assertThat(ours.getVersion()).isEqualTo(axon.getVersion()).isNull();
        assertThat(CommandTargets.INSTANCE.targetOf(pay)).isEqualTo(WALLET.base58());
    }

    @Test
    void resolvesAnAnnotatedMethodLikeAxon() {
        Mint mint = new Mint(WALLET);
        var axon = AnnotationCommandTargetResolver.builder().build().resolveTarget(asCommandMessage(mint));
        assertThat(CommandTargets.INSTANCE.resolveTarget(asCommandMessage(mint)).getIdentifier())
                .isEqualTo(axon.getIdentifier()).isEqualTo("nft:" + WALLET);
    }

    @Test
    void aCommandWithoutOrWithANullTargetIsRefused() {
        assertThatThrownBy(() -> CommandTargets.INSTANCE.targetOf(new NoTarget(WALLET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoTarget");
        assertThatThrownBy(() -> CommandTargets.INSTANCE.targetOf(new Pay("m", null, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not identify the target");
    }
}
