package org.lookout.notification.domain;

import io.smallrye.mutiny.Uni;

/**
 * Sends one claimed delivery on its channel, outside any database transaction, and says what came of it. It fails its
 * {@code Uni} only for a fault of its own; a receiver's or provider's failure is a {@link SendResult}.
 */
public interface ChannelSender {

    DeliveryChannel channel();

    Uni<SendResult> send(Outgoing delivery);
}
