package org.lookout.complaint.open311;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.ItemQuestion;
import org.lookout.complaint.domain.Open311ApiKey;
import org.lookout.complaint.domain.Open311Request;
import org.lookout.complaint.domain.ReportAccess;
import org.lookout.complaint.taxonomy.TaxonomyRepository;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The Open311 part of a report, for whoever may read the report ({@link ReportAccess}); never the person's data. */
@ApplicationScoped
public class FilingService {

    private final ReportAccess access;
    private final Open311Repository open311;
    private final ApiKeyRepository keys;
    private final TaxonomyRepository taxonomy;

    FilingService(ReportAccess access, Open311Repository open311, ApiKeyRepository keys, TaxonomyRepository taxonomy) {
        this.access = access;
        this.open311 = open311;
        this.keys = keys;
        this.taxonomy = taxonomy;
    }

    @WithSession
    public Uni<FilingView> of(UUID reportId, Caller caller) {
        return access.toRead(reportId, caller).chain(report -> open311.filing(report.id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Open311 filing of report " + reportId))
                .chain(filing -> keys.findById(filing.apiKeyId).chain(key -> taxonomy.item(report.itemCode)
                        .map(item -> view(filing, key, item.questions)))));
    }

    private static FilingView view(Open311Request filing, Open311ApiKey key, List<ItemQuestion> questions) {
        List<FilingView.Answer> answers = filing.answers.entrySet().stream().map((Map.Entry<String, List<String>> a) -> {
            ItemQuestion asked = questions.stream().filter(q -> q.code().equals(a.getKey())).findFirst().orElse(null);
            return new FilingView.Answer(a.getKey(), asked == null ? null : asked.promptZh(),
                    asked == null ? null : asked.promptEn(), a.getValue());
        }).toList();
        return new FilingView(key == null ? null : key.name, answers, filing.mediaUrl, filing.addressId);
    }
}
