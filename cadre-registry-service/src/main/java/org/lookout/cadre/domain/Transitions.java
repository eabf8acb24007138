package org.lookout.cadre.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lookout.problem.ProblemException;

/**
 * A state machine as a table, readable in one screen: which action moves which state to which. An aggregate asks
 * {@link #apply}, which answers the next state or throws the 409 {@code illegal-transition} problem naming the state,
 * the action and the states still reachable.
 */
public final class Transitions<S extends Enum<S>, A extends Enum<A>> {

    private final Class<S> states;
    private final Map<S, Map<A, S>> table;

    private Transitions(Class<S> states, Map<S, Map<A, S>> table) {
        this.states = states;
        this.table = table;
    }

    public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(Class<S> states, Class<A> actions) {
        return new Builder<>(states, actions);
    }

    /** The state {@code action} leads to from {@code from}; empty when the table has no such move. */
    public Optional<S> after(S from, A action) {
        return Optional.ofNullable(table.getOrDefault(from, Map.of()).get(action));
    }

    /** Every state some action leads to from {@code from}; empty for a final state. */
    public Set<S> next(S from) {
        Set<S> next = EnumSet.noneOf(states);
        next.addAll(table.getOrDefault(from, Map.of()).values());
        return Collections.unmodifiableSet(next);
    }

    /** The next state, or the 409 problem when the table has no such move ({@code action} as lower-case words). */
    public S apply(S from, A action) {
        return after(from, action).orElseThrow(() -> ProblemException.illegalTransition(from,
                action.name().toLowerCase().replace('_', '-'), next(from)));
    }

    public static final class Builder<S extends Enum<S>, A extends Enum<A>> {

        private final Class<S> states;
        private final Class<A> actions;
        private final Map<S, Map<A, S>> table;

        private Builder(Class<S> states, Class<A> actions) {
            this.states = states;
            this.actions = actions;
            this.table = new EnumMap<>(states);
        }

        /** {@code action} moves every state of {@code from} to {@code to}. */
        @SafeVarargs
        public final Builder<S, A> on(A action, S to, S... from) {
            for (S state : from) {
                table.computeIfAbsent(state, ignored -> new EnumMap<>(actions)).put(action, to);
            }
            return this;
        }

        public Transitions<S, A> build() {
            return new Transitions<>(states, table);
        }
    }
}
