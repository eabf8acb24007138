package org.lookout.complaint.publicintake;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.attachment.AttachmentService;
import org.lookout.complaint.attachment.AttachmentType;
import org.lookout.complaint.community.CommunityRepository;
import org.lookout.complaint.config.PublicIntakeConfig;
import org.lookout.complaint.domain.UsedChallenge;
import org.lookout.complaint.intake.IntakeService;
import org.lookout.complaint.intake.SubmitReportRequest;
import org.lookout.complaint.taxonomy.TaxonomyRepository;
import org.lookout.contracts.Channel;
import org.lookout.problem.Problem;
import org.lookout.problem.ProblemException;
import org.lookout.problem.ProblemType;
import org.lookout.problem.SqlStates;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Anonymous reports from the public, without an account (ARCHITECTURE §2, "(public)"): a proof-of-work challenge per
 * report, bound to the community and used once; the report is filed as on every channel ({@link IntakeService}) with
 * channel {@code WEB}, anonymous, its filer recorded only as {@value #FILED_BY} — no subject, no address, no user agent
 * — and answered with its tracking code and secret, the only way back in. Items about officials (confidential) are not
 * offered here: they need the signed-in path. Rate limits per address and per community are the gateway's.
 */
@ApplicationScoped
public class PublicIntakeService {

    /** The role a public report is filed under (report, history, attachments): nobody's account. */
    public static final String FILED_BY = "public";
    static final String PHOTO = "photo";

    private final ProofOfWork proofOfWork;
    private final PublicIntakeConfig config;
    private final UsedChallengeRepository used;
    private final TaxonomyRepository taxonomy;
    private final CommunityRepository communities;
    private final IntakeService intake;
    private final AttachmentService attachments;
    private final Clock clock;

    PublicIntakeService(PublicIntakeConfig config, UsedChallengeRepository used, TaxonomyRepository taxonomy,
            CommunityRepository communities, IntakeService intake, AttachmentService attachments, Clock clock) {
        this.proofOfWork = new ProofOfWork(config.challengeKey());
        this.config = config;
        this.used = used;
        this.taxonomy = taxonomy;
        this.communities = communities;
        this.intake = intake;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** A fresh challenge for a report in {@code community}, which must take reports (404 otherwise). */
    @WithSession
    public Uni<ChallengeView> challenge(String community) {
        if (community == null || !community.matches("[A-Z]{2,8}")) {
            throw ProblemException.badRequest("community", "must be a community code, e.g. DCY");
        }
        return communities.find(community).map(found -> {
            if (found == null || !found.active) {
                throw ProblemException.notFound("community " + community);
            }
            return ChallengeView.of(proofOfWork.issue(community, clock.instant().plus(config.challengeTtl()),
                    config.maxNumber()));
        });
    }

    /**
     * Files the report with its photos in one transaction, spending the challenge; a challenge spent before (or by a
     * request racing this one) is a 409 naming {@value ProofOfWork#FIELD}, and spends nothing else.
     */
    public Uni<PublicReceiptView> submit(@Valid SubmitPublicReportRequest request, List<byte[]> photos) {
        List<AttachmentType> types = checkPhotos(photos);
        ProofOfWork.Solved solved = proofOfWork.verify(request.altcha(), request.communityCode(), clock.instant());
        return Panache.withTransaction(() -> offered(request)
                .chain(() -> used.use(UsedChallenge.of(solved.signature(), solved.expiresAt()))
                        .onFailure(SqlStates::isUniqueViolation).transform(raced -> replayed()))
                .chain(() -> intake.submitOnBehalf(report(request), FILED_BY))
                .call(receipt -> attach(receipt.report().id(), photos, types))
                .map(receipt -> PublicReceiptView.of(receipt, photos.size())));
    }

    /** Forgets spent challenges once they have expired. */
    @Scheduled(identity = "used-challenge-purge", every = "${lookout.complaint.public-intake.purge-interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return Panache.withTransaction(() -> used.purgeExpired(clock.instant())).replaceWithVoid();
    }

    /** The item is offered to the public (active, not about officials), the community takes reports: 422 otherwise. */
    private Uni<Void> offered(SubmitPublicReportRequest request) {
        return taxonomy.item(request.itemCode()).invoke(item -> {
            if (item == null || !item.active) {
                throw ProblemException.unprocessable("itemCode", "is not a taxonomy item offered for new reports");
            }
            if (item.confidential) {
                throw ProblemException.unprocessable("itemCode", "reports about officials need a signed-in account"
                        + " (or the 12388 line); they are not taken anonymously here");
            }
        }).chain(() -> communities.find(request.communityCode())).invoke(community -> {
            if (community == null || !community.active) {
                throw ProblemException.unprocessable("communityCode", "is not a community that takes reports");
            }
        }).replaceWithVoid();
    }

    private List<AttachmentType> checkPhotos(List<byte[]> photos) {
        if (photos.size() > config.photosPerReport()) {
            throw ProblemException.badRequest(PHOTO, "at most " + config.photosPerReport() + " photos per report");
        }
        return photos.stream().map(photo -> {
            if (photo.length > config.photoMaxBytes()) {
                throw ProblemException.tooLarge(PHOTO, config.photoMaxBytes());
            }
            return AttachmentType.of(photo).filter(type -> type != AttachmentType.PDF).orElseThrow(
                    () -> ProblemException.unsupportedMediaType(PHOTO, "must be a JPEG or PNG photo"));
        }).toList();
    }

    private Uni<Void> attach(UUID reportId, List<byte[]> photos, List<AttachmentType> types) {
        Uni<Void> attached = Uni.createFrom().voidItem();
        for (int i = 0; i < photos.size(); i++) {
            byte[] photo = photos.get(i);
            AttachmentType type = types.get(i);
            attached = attached.chain(() -> attachments.attachAtIntake(reportId, photo, type, FILED_BY, FILED_BY)
                    .replaceWithVoid());
        }
        return attached;
    }

    private static SubmitReportRequest report(SubmitPublicReportRequest request) {
        return new SubmitReportRequest(request.itemCode(), request.title(), request.description(),
                request.communityCode(), request.location(), request.occurredAt(), Channel.WEB, true, null, null);
    }

    private static ProblemException replayed() {
        return new ProblemException(ProblemType.CONFLICT, ProofOfWork.FIELD + ": this challenge has been used;"
                + " fetch and solve a new one", List.of(new Problem.FieldError(ProofOfWork.FIELD, "has been used")));
    }
}
