package org.lookout.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource class or method whose answers carry what no cache may keep and no browser may reinterpret (reporter
 * identity, notes, the ledger, tip-offs and supervision records, the tracking view, the agency case file, inbox
 * entries): {@link SensitiveAnswers} adds {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}
 * to every answer, refusals included. The list of sensitive endpoints is where this annotation is
 * ({@code grep -rn @Sensitive}); docs/security.md names the rule.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Sensitive {
}
