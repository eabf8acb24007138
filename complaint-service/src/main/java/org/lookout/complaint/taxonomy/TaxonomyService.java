package org.lookout.complaint.taxonomy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

import org.lookout.complaint.domain.ItemQuestion;
import org.lookout.complaint.domain.ItemQuestionsChange;
import org.lookout.complaint.domain.TaxonomyChange;
import org.lookout.complaint.domain.TaxonomyItem;
import org.lookout.complaint.messaging.outgoing.ReferenceDataEvents;
import org.lookout.contracts.AgencyKind;
import org.lookout.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The taxonomy of ARCHITECTURE §4, owned here: read by everyone, edited by admin with an audit trail. Every edit is a
 * new revision of the item, published whole ({@code item-changed}) in the edit's transaction.
 */
@ApplicationScoped
public class TaxonomyService {

    /** Reports about officials are always confidential (ARCHITECTURE §4): no edit lifts that. */
    private static final String ALWAYS_CONFIDENTIAL = "cadre-conduct";
    private static final int AUDIT_PAGE = 500;

    private final TaxonomyRepository taxonomy;
    private final ReferenceDataEvents events;
    private final Clock clock;
    private final ItemFacts facts;

    TaxonomyService(TaxonomyRepository taxonomy, ReferenceDataEvents events, Clock clock, ItemFacts facts) {
        this.taxonomy = taxonomy;
        this.events = events;
        this.clock = clock;
        this.facts = facts;
    }

    @WithSession
    public Uni<List<CategoryView>> taxonomy() {
        return taxonomy.categories().chain(categories -> taxonomy.items().map(items -> {
            Map<String, List<ItemView>> byCategory = items.stream().collect(
                    Collectors.groupingBy(item -> item.categoryCode, Collectors.mapping(ItemView::of, Collectors.toList())));
            return categories.stream().map(category -> new CategoryView(category.code, category.nameZh,
                    category.nameEn, byCategory.getOrDefault(category.code, List.of()))).toList();
        }));
    }

    /** Sets an item's names, resolution target, confidentiality and whether it is offered; 404 for an unknown item. */
    public Uni<ItemView> edit(String code, @Valid EditItemRequest request, String actor) {
        if (ALWAYS_CONFIDENTIAL.equals(code) && !request.confidential()) {
            throw ProblemException.unprocessable("confidential", "reports about officials are always confidential");
        }
        return changedAndForgotten(code, actor, item -> {
            item.nameZh = request.nameZh().strip();
            item.nameEn = request.nameEn().strip();
            item.resolutionDays = request.resolutionDays();
            item.confidential = request.confidential();
            item.active = request.active();
        });
    }

    /** Sets how an item's reports escalate at once; 422 naming the field for rules that do not fit together. */
    public Uni<ItemView> editEscalation(String code, @Valid EditEscalationRulesRequest request, String actor) {
        List<String> kinds = kindsLeadFirst(request);
        AgencyKind breach = resolutionBreachKind(request.resolutionBreachAgencyKind());
        return changedAndForgotten(code, actor, item -> item.escalation(request.escalatesImmediately(), kinds,
                request.jointEscalation(), breach == null ? null : breach.name()));
    }

    /** An item's extra questions in display order; 404 for an unknown item. */
    @WithSession
    public Uni<List<ItemQuestion>> questions(String code) {
        return taxonomy.item(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("taxonomy item " + code))
                .map(item -> List.copyOf(item.questions));
    }

    /**
     * Sets an item's extra questions, as one list in display order; audited with the list before and after. They are
     * not part of the published item state, so the item keeps its revision. 400 naming the field for a list that does
     * not fit together (a code twice, a list question without options, options on another datatype).
     */
    @WithTransaction
    public Uni<List<ItemQuestion>> editQuestions(String code, @Valid EditQuestionsRequest request, String actor) {
        List<ItemQuestion> questions = questionsOf(request);
        return taxonomy.itemForUpdate(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("taxonomy item " + code))
                .chain(item -> {
                    ItemQuestionsChange change = new ItemQuestionsChange();
                    change.itemCode = item.code;
                    change.actor = actor;
                    change.at = clock.instant();
                    change.before = List.copyOf(item.questions);
                    item.questions = new ArrayList<>(questions);
                    change.after = questions;
                    return taxonomy.append(change).replaceWith(questions);
                });
    }

    /** The latest 500 edits of an item's questions, newest first. */
    @WithSession
    public Uni<List<QuestionsAuditEntryView>> questionsAudit(String code) {
        return taxonomy.questionChanges(code, AUDIT_PAGE)
                .map(changes -> changes.stream().map(QuestionsAuditEntryView::of).toList());
    }

    /** The questions as stored; the rules Bean Validation cannot say about a whole list. */
    static List<ItemQuestion> questionsOf(EditQuestionsRequest request) {
        List<ItemQuestion> questions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.questions().size(); i++) {
            EditQuestionsRequest.Question question = request.questions().get(i);
            String field = "questions[" + i + "]";
            if (!codes.add(question.code())) {
                throw ProblemException.badRequest(field + ".code", "is the code of an earlier question");
            }
            List<EditQuestionsRequest.Option> options = question.options() == null ? List.of() : question.options();
            if (question.datatype().isList() && options.isEmpty()) {
                throw ProblemException.badRequest(field + ".options", "names at least one option of a list question");
            }
            if (!question.datatype().isList() && !options.isEmpty()) {
                throw ProblemException.badRequest(field + ".options", "is empty unless the datatype is a list");
            }
            Set<String> keys = new HashSet<>();
            for (int j = 0; j < options.size(); j++) {
                if (!keys.add(options.get(j).key())) {
                    throw ProblemException.badRequest(field + ".options[" + j + "].key", "is the key of an earlier option");
                }
            }
            questions.add(new ItemQuestion(question.code(), question.datatype(), question.required(),
                    question.promptZh().strip(), question.promptEn().strip(), blankToNull(question.hintZh()),
                    blankToNull(question.hintEn()), options.stream().map(option -> new ItemQuestion.Option(option.key(),
                            option.nameZh().strip(), option.nameEn().strip())).toList()));
        }
        return List.copyOf(questions);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The latest 500 edits, newest first; of one item when {@code itemCode} is given. */
    @WithSession
    public Uni<List<AuditEntryView>> audit(String itemCode) {
        return taxonomy.changes(itemCode, AUDIT_PAGE).map(changes -> changes.stream().map(AuditEntryView::of).toList());
    }

    /**
     * {@link #changed} in a transaction of its own, after whose end intake's copy of the item ({@link ItemFacts}) is
     * forgotten.
     */
    private Uni<ItemView> changedAndForgotten(String code, String actor, Consumer<TaxonomyItem> edit) {
        return Panache.withTransaction(() -> changed(code, actor, edit)).onTermination().invoke(() -> facts.forget(code));
    }

    /** The item locked, changed, audited with its editable fields before and after, and published as a new revision. */
    private Uni<ItemView> changed(String code, String actor, Consumer<TaxonomyItem> edit) {
        return taxonomy.itemForUpdate(code)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("taxonomy item " + code))
                .chain(item -> {
                    TaxonomyChange change = new TaxonomyChange();
                    change.itemCode = item.code;
                    change.actor = actor;
                    change.at = clock.instant();
                    change.before = TaxonomyChange.Snapshot.of(item);
                    edit.accept(item);
                    item.changed(change.at);
                    change.after = TaxonomyChange.Snapshot.of(item);
                    return taxonomy.append(change).chain(() -> events.itemChanged(item)).map(ignored -> ItemView.of(item));
                });
    }

    /** Where a resolution breach goes: an agency kind, or null for the street (never the kind STREET_OFFICE). */
    static AgencyKind resolutionBreachKind(String kind) {
        if (kind == null) {
            return null;
        }
        AgencyKind parsed = Arrays.stream(AgencyKind.values()).filter(known -> known.name().equals(kind)).findFirst()
                .orElseThrow(() -> ProblemException.unprocessable("resolutionBreachAgencyKind",
                        "is not an agency kind; leave it out for the report's street"));
        if (parsed == AgencyKind.STREET_OFFICE) {
            throw ProblemException.unprocessable("resolutionBreachAgencyKind",
                    "is left out for the report's street, whose supervisors work the breach, instead of STREET_OFFICE");
        }
        return parsed;
    }

    /** The kinds as stored, the lead first; the rules that make a joint or a single escalation, or none. */
    static List<String> kindsLeadFirst(EditEscalationRulesRequest request) {
        List<AgencyKind> kinds = request.escalationAgencyKinds();
        if (new HashSet<>(kinds).size() < kinds.size()) {
            throw ProblemException.unprocessable("escalationAgencyKinds", "names an agency kind twice");
        }
        if (!request.escalatesImmediately()) {
            if (!kinds.isEmpty()) {
                throw ProblemException.unprocessable("escalationAgencyKinds",
                        "is empty when the item does not escalate at once");
            }
            if (request.jointEscalation()) {
                throw ProblemException.unprocessable("jointEscalation", "is false when the item does not escalate at once");
            }
            if (request.leadAgencyKind() != null) {
                throw ProblemException.unprocessable("leadAgencyKind", "is left out when the item does not escalate at once");
            }
            return List.of();
        }
        if (kinds.isEmpty()) {
            throw ProblemException.unprocessable("escalationAgencyKinds",
                    "names at least one agency kind when the item escalates at once");
        }
        if (request.jointEscalation() != kinds.size() > 1) {
            throw ProblemException.unprocessable("jointEscalation", request.jointEscalation()
                    ? "needs at least two agency kinds" : "must be true when several agency kinds are named");
        }
        AgencyKind lead = request.leadAgencyKind() == null && kinds.size() == 1 ? kinds.getFirst()
                : request.leadAgencyKind();
        if (lead == null || !kinds.contains(lead)) {
            throw ProblemException.unprocessable("leadAgencyKind", "must be one of escalationAgencyKinds");
        }
        List<String> ordered = new ArrayList<>(List.of(lead.name()));
        kinds.stream().filter(kind -> kind != lead).map(AgencyKind::name).forEach(ordered::add);
        return ordered;
    }
}
