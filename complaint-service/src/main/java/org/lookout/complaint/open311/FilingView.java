package org.lookout.complaint.open311;

import java.util.List;

/**
 * What a report filed through Open311 carries beyond the report, for those who handle it: the client application that
 * filed it, the answers to its item's questions (with the question asked), its media and the client's address id.
 */
public record FilingView(String client, List<Answer> answers, String mediaUrl, String addressId) {

    /** One answer: the question's code and prompt in both languages, and the values given (keys of a list question). */
    public record Answer(String code, String promptZh, String promptEn, List<String> values) {
    }
}
