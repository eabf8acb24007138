package org.lookout.cadre.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "lookout.cadre")
public interface CadreConfig {

    /** The taxonomy item whose reports are tip-offs about officials (ARCHITECTURE §4). */
    @WithDefault("cadre-conduct")
    String tipOffItemCode();

    /** Most tip-offs one request answers. */
    @WithDefault("200")
    int tipOffPageLimit();
}
