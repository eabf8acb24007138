package org.lookout.complaint.publicintake;

/** A proof-of-work challenge as ALTCHA's widget and libraries read it (field names as the scheme spells them). */
public record ChallengeView(String algorithm, String challenge, int maxnumber, String salt, String signature) {

    static ChallengeView of(ProofOfWork.Challenge challenge) {
        return new ChallengeView(challenge.algorithm(), challenge.challenge(), challenge.maxnumber(), challenge.salt(),
                challenge.signature());
    }
}
