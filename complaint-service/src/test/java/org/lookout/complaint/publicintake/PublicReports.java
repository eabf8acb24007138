package org.lookout.complaint.publicintake;

import static io.restassured.RestAssured.given;

import org.lookout.complaint.ComplaintTestSupport;

/** Reports from the public as a browser's ALTCHA widget files them: fetch a challenge, solve it, send the report. */
public final class PublicReports {

    private PublicReports() {
    }

    /** A fresh challenge of complaint-service for {@code community}. */
    public static ProofOfWork.Challenge challenge(String community) {
        ChallengeView view = given().queryParam("community", community).get("/api/public/challenge")
                .then().statusCode(200).extract().as(ChallengeView.class);
        return new ProofOfWork.Challenge(view.algorithm(), view.challenge(), view.maxnumber(), view.salt(),
                view.signature());
    }

    /** The solution of a fresh challenge for {@code community}, as the {@code altcha} field carries it. */
    public static String solved(String community) {
        ProofOfWork.Challenge challenge = challenge(community);
        return ProofOfWork.payload(challenge, ProofOfWork.solve(challenge));
    }

    /** A report's JSON with {@code altcha} as given (null: none). */
    public static String report(String item, String community, String altcha) {
        String body = ComplaintTestSupport.report(item, community, "WEB")
                .replace(",\"channel\":\"WEB\",\"anonymous\":false", "");
        return altcha == null ? body : body.replaceFirst("}\\s*$", ",\"altcha\":\"" + altcha + "\"}");
    }

    /** A report's JSON with a freshly solved challenge. */
    public static String solvedReport(String item, String community) {
        return report(item, community, solved(community));
    }
}
