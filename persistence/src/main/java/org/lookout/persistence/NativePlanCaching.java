package org.lookout.persistence;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.results.ResultSetMapping;
import org.hibernate.query.results.internal.ResultSetMappingImpl;
import org.hibernate.reactive.provider.service.ReactiveValuesMappingProducerProvider;
import org.hibernate.reactive.sql.results.ReactiveResultSetMapping;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesMappingProducer;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesMappingProducerProvider;

/**
 * Lets Hibernate Reactive find the plan of a native select in its query plan cache.
 *
 * <p>Hibernate Reactive (3.2.11) wraps every native query's result set mapping in a {@link ReactiveResultSetMapping},
 * which has no {@code equals}: the cache key of a native select (its SQL, that mapping, …) never equals the stored one,
 * so each execution plans the statement again and stores one more copy. The copies share the SQL's hash, so they pile
 * up in one hash bucket of the bounded cache (2,048 plans): a lookup compares the SQL text with every copy, and the
 * copies evict the plans of every other query. Measured on intake ({@code complaint-service/bench/intake.sh} with JFR):
 * {@code Objects.equals} in that lookup was 15 % of the service's CPU samples. {@link #contribute} replaces the
 * framework's {@link JdbcValuesMappingProducerProvider} with one whose mappings compare by what they map; the rest is
 * the framework's own ({@link ReactiveValuesMappingProducerProvider}).
 *
 * <p>A native query's result type must then be one Hibernate maps without a result builder of its own — an entity,
 * {@code Object} or {@code Object[]} — because the builder made for a basic type such as {@code String} or
 * {@code Long} has no {@code equals} either (docs/conventions.md, native queries). Found by its
 * {@code META-INF/services} entry when Quarkus builds the persistence unit, and recorded with it.
 */
public final class NativePlanCaching implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addService(JdbcValuesMappingProducerProvider.class, new MappingProducers());
    }

    /** The framework's producers, but result set mappings that a cache key can compare. */
    public static final class MappingProducers implements JdbcValuesMappingProducerProvider {

        @Override
        public JdbcValuesMappingProducer buildMappingProducer(SelectStatement statement,
                SessionFactoryImplementor sessionFactory) {
            return ReactiveValuesMappingProducerProvider.INSTANCE.buildMappingProducer(statement, sessionFactory);
        }

        @Override
        public ResultSetMapping buildResultSetMapping(String name, boolean isDynamic,
                SessionFactoryImplementor sessionFactory) {
            return new ComparableMapping(new ResultSetMappingImpl(name, isDynamic));
        }
    }

    /** A reactive result set mapping equal to another that wraps an equal mapping. */
    static final class ComparableMapping extends ReactiveResultSetMapping {

        private final ResultSetMapping mapping;

        ComparableMapping(ResultSetMapping mapping) {
            super(mapping);
            this.mapping = mapping;
        }

        @Override
        public ResultSetMapping cacheKeyInstance() {
            return new ComparableMapping(mapping.cacheKeyInstance());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ComparableMapping that && mapping.equals(that.mapping);
        }

        @Override
        public int hashCode() {
            return mapping.hashCode();
        }
    }
}
