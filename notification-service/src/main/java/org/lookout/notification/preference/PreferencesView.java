package org.lookout.notification.preference;

import java.util.List;
import java.util.Map;

/**
 * A person's settings: their language, and per notification kind they can receive the channels it comes on — their
 * choice where they made one ({@code chosen}), else what its rule says; mandatory kinds cannot lose a rule's channel.
 */
public record PreferencesView(String language, Map<String, KindView> kinds) {

    public record KindView(List<String> channels, boolean chosen, boolean mandatory) {
    }
}
