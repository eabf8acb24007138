package org.lookout.cadre.tipoff;

import jakarta.validation.constraints.NotNull;

/**
 * An inspector's decision to forward a tip-off to the discipline organs. Whether the accused heads the receiving body
 * must be said explicitly: guessing "no" would send a tip-off to the very official it is about.
 */
public record ForwardTipOffRequest(@NotNull Boolean accusedHeadsReceivingBody) {
}
