package org.lookout.cadre.notice;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lookout.cadre.domain.SupervisionRecord;

/** A comment on a notice, as inspectors read it: the supervision record it became and what it says; never who. */
@Schema(name = "NoticeComment")
public record NoticeCommentView(UUID supervisionRecordId, Instant at, boolean realName, String text, String status) {

    static NoticeCommentView of(SupervisionRecord record) {
        return new NoticeCommentView(record.id, record.receivedAt, record.realName, record.content,
                record.status.name());
    }
}
