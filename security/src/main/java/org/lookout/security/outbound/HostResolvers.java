package org.lookout.security.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** The system's resolver, unless an application (a test) supplies another {@link HostResolver} bean. */
public class HostResolvers {

    @Produces
    @DefaultBean
    @ApplicationScoped
    HostResolver system() {
        return HostResolver.SYSTEM;
    }
}
