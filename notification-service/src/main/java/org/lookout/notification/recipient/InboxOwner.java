package org.lookout.notification.recipient;

import java.util.Set;

/**
 * Whose inbox a request reads: the caller's own pseudonym (what they mark read under) and every address they receive
 * at — their personal pseudonyms and the group inboxes of their roles in their scope.
 */
public record InboxOwner(String readerRef, Set<String> addresses, Set<String> personalRefs) {

    public InboxOwner {
        addresses = Set.copyOf(addresses);
        personalRefs = Set.copyOf(personalRefs);
    }
}
