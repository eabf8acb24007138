package org.lookout.cadre.notice;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.Notice;
import org.lookout.cadre.domain.Official;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A notice as the public of its community reads it: what it is about (the official's name, post and employer are part
 * of a public notice by design), its text and window. Inspectors also see who published it and a withdrawal's reason.
 */
@Schema(name = "Notice")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeView(UUID id, String kind, String title, String body, String communityCode, String officialName,
        String officialPost, String officialEmployer, Instant windowStart, Instant windowEnd, String status,
        Instant publishedAt, UUID officialId, Instant withdrawnAt, String withdrawalReason) {

    static NoticeView publicFields(Notice notice, Official official) {
        return new NoticeView(notice.id, notice.kind.name(), notice.title, notice.body, notice.communityCode,
                official.name, official.post, official.employer, notice.windowStart, notice.windowEnd,
                notice.status.name(), notice.publishedAt, null, notice.withdrawnAt, null);
    }

    static NoticeView forInspector(Notice notice, Official official) {
        return new NoticeView(notice.id, notice.kind.name(), notice.title, notice.body, notice.communityCode,
                official.name, official.post, official.employer, notice.windowStart, notice.windowEnd,
                notice.status.name(), notice.publishedAt, notice.officialId, notice.withdrawnAt,
                notice.withdrawalReason);
    }
}
