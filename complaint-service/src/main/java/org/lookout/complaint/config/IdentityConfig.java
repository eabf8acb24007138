package org.lookout.complaint.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Keys that encrypt reporters' names and phones at rest. Every key ever used stays listed so that its values can still
 * be read; new values are written under {@link #currentKey()}, so a rotation is: add a key, point current-key at it.
 */
@ConfigMapping(prefix = "lookout.complaint.identity")
public interface IdentityConfig {

    /** Key id → base64 of a 256-bit AES key. */
    Map<String, String> keys();

    /** The key id new values are encrypted under. */
    String currentKey();
}
