package org.lookout.cadre.archive;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.audit.AuditEntry;
import org.lookout.audit.AuditTrail;
import org.lookout.cadre.config.CadreConfig;
import org.lookout.cadre.domain.ArchiveEntry;
import org.lookout.cadre.domain.ArchiveKind;
import org.lookout.cadre.domain.ArchiveSource;
import org.lookout.cadre.domain.Official;
import org.lookout.cadre.domain.SupervisionRecord;
import org.lookout.cadre.official.OfficialAccess;
import org.lookout.problem.ProblemException;
import org.lookout.security.Caller;
import org.lookout.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * 社区表现档案: read only by inspectors of the official's street (and, for an open opinion request, by the community's
 * staff who draft it — see the opinion feature), every read audited with its reason. Staff add positive entries for
 * officials of their community; inspectors add either kind. Nothing is ever changed or deleted: a correction supersedes.
 */
@ApplicationScoped
public class ArchiveService {

    private final ArchiveRepository entries;
    private final OfficialAccess access;
    private final AuditTrail audit;
    private final CadreConfig config;
    private final Clock clock;

    ArchiveService(ArchiveRepository entries, OfficialAccess access, AuditTrail audit, CadreConfig config, Clock clock) {
        this.entries = entries;
        this.access = access;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** The archive of an official, oldest first, with corrections linked; the read and its reason audited together. */
    @WithTransaction
    public Uni<List<ArchiveEntryView>> read(UUID officialId, Caller caller, String reason) {
        return access.toInspect(officialId, caller)
                .chain(official -> views(official.id))
                .call(() -> audit.append(AuditEntry.of(caller, "READ_ARCHIVE", "official " + officialId, reason)));
    }

    /** The archive as views, each with the entry that supersedes it: for an inspector, or for staff drafting an opinion. */
    public Uni<List<ArchiveEntryView>> views(UUID officialId) {
        return entries.of(officialId).map(found -> {
            Map<UUID, UUID> supersededBy = found.stream().filter(entry -> entry.supersedes != null)
                    .collect(Collectors.toMap(entry -> entry.supersedes, entry -> entry.id));
            return found.stream().map(entry -> ArchiveEntryView.of(entry, supersededBy.get(entry.id))).toList();
        });
    }

    @WithTransaction
    public Uni<ArchiveEntry> add(UUID officialId, AddArchiveEntryRequest request, Caller caller) {
        boolean inspector = caller.is(Roles.INSPECTOR);
        if (!inspector && request.kind() != ArchiveKind.POSITIVE) {
            throw ProblemException.forbidden("community staff add POSITIVE entries; concerns come from inspectors");
        }
        Uni<Official> official = inspector ? access.toInspect(officialId, caller) : access.toSee(officialId, caller);
        return official.chain(found -> superseded(found, request.supersedes()).chain(() -> {
            ArchiveEntry entry = new ArchiveEntry();
            entry.id = UUID.randomUUID();
            entry.officialId = found.id;
            entry.kind = request.kind();
            entry.source = inspector ? ArchiveSource.INSPECTOR : ArchiveSource.COMMUNITY_STAFF;
            entry.text = request.text().strip();
            entry.occurredOn = request.occurredOn();
            entry.verified = inspector && !Boolean.FALSE.equals(request.verified());
            entry.reportId = request.reportId();
            entry.supervisionRecordId = request.supervisionRecordId();
            entry.supersedes = request.supersedes();
            entry.recordedAt = clock.instant();
            entry.recordedBy = caller.subject();
            entry.recordedByRole = caller.actingRole().orElse(null);
            return entries.persist(entry).call(() -> audit.append(AuditEntry.of(caller, "ADD_ARCHIVE_ENTRY",
                    "official " + found.id + " entry " + entry.id, null)));
        }));
    }

    /**
     * The concern a substantiated record leaves in the archive of the official it is linked to, once; nothing while it
     * is linked to none (linking it later writes it). Runs in the caller's transaction.
     */
    public Uni<Void> concernOf(SupervisionRecord record) {
        if (!Boolean.TRUE.equals(record.substantiated) || record.officialId == null) {
            return Uni.createFrom().voidItem();
        }
        return entries.hasConcernOf(record.id).chain(written -> written ? Uni.createFrom().voidItem()
                : entries.persist(ArchiveEntry.concernOf(record, clock.instant(), config.zone())).replaceWithVoid());
    }

    /** The entries of this official among {@code ids}; 422 naming the field for one that is not. */
    public Uni<List<ArchiveEntry>> citable(UUID officialId, List<UUID> ids, String field) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        return entries.ofOfficial(officialId, distinct).invoke(found -> {
            Map<UUID, ArchiveEntry> byId = found.stream().collect(Collectors.toMap(entry -> entry.id, Function.identity()));
            distinct.stream().filter(id -> !byId.containsKey(id)).findFirst().ifPresent(missing -> {
                throw ProblemException.unprocessable(field, "entry " + missing + " is not in this official's archive");
            });
        });
    }

    private Uni<Void> superseded(Official official, UUID supersedes) {
        if (supersedes == null) {
            return Uni.createFrom().voidItem();
        }
        return entries.findById(supersedes).invoke(entry -> {
            if (entry == null || !entry.officialId.equals(official.id)) {
                throw ProblemException.unprocessable("supersedes", "is not an entry of this official's archive");
            }
        }).replaceWithVoid();
    }
}
