package com.solanamafia.api.chain;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Resolves a command record's target aggregate from its {@link TargetAggregateIdentifier} component or no-argument
 * method, found once per command type. Axon's annotation resolver scans the annotations on every command, a third of ingest's CPU time.
 * Same answers: the identifier's {@code toString()}, no version (no command here carries one).
 */
public final class CommandTargets implements CommandTargetResolver {
    public static final CommandTargets INSTANCE = new CommandTargets();

    private static final ClassValue<Method> TARGETS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                        return component.getAccessor();
                    }
                }
            }
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0 && method.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    return method;
                }
            }
            return null;
        }
    };

    private CommandTargets() {
    }

    /** The target aggregate identifier of a command record. */
    public String targetOf(Object command) {
        return targetValue(command).toString();
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(targetValue(command.getPayload()), null);
    }

    private static Object targetValue(Object command) {
        Method target = TARGETS.get(command.getClass());
        if (target == null) {
            throw new IllegalArgumentException(command.getClass().getSimpleName()
                    + " has no @TargetAggregateIdentifier record component or method");
        }
        Object id;
        try {
            id = target.invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the target of " + command.getClass().getSimpleName(), e);
        }
        if (id == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. "
                    + "Make sure at least one of the fields or methods in the ["
                    + command.getClass().getSimpleName() + "] class contains the @TargetAggregateIdentifier annotation "
                    + "and that it returns a non-null value.");
        }
        return id;
    }
}
