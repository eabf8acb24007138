package org.lookout.complaint.community;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.lookout.complaint.domain.Community;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Which community a place belongs to, among those that take new reports: by coordinates (the community whose boundary
 * holds the point; the first by code on a shared edge), or by an address that names one. Boundaries are read and parsed
 * on each lookup: a street has tens of communities, and an admin's edit applies at once on every instance.
 */
@ApplicationScoped
public class CommunityLocator {

    /** The suffix 社区 ("community") that an address may leave out. */
    private static final String SUFFIX_ZH = "社区";

    private final CommunityRepository communities;

    CommunityLocator(CommunityRepository communities) {
        this.communities = communities;
    }

    /** The community whose boundary holds the point; empty outside every drawn boundary. */
    @WithSession
    public Uni<Optional<CommunityView>> at(double latitude, double longitude) {
        return communities.active().map(active -> active.stream()
                .filter(community -> community.boundary != null)
                .filter(community -> CommunityBoundary.parse(community.boundary).holds(latitude, longitude))
                .findFirst().map(CommunityView::of));
    }

    /**
     * The community an address names (its Chinese name, with or without 社区, or its English name, in any case); the
     * longest name wins (东朝阳路南社区 over a shorter name it contains); empty when none or two equally long ones match.
     */
    @WithSession
    public Uni<Optional<CommunityView>> named(String address) {
        String text = address.toLowerCase(Locale.ROOT);
        return communities.active().map(active -> {
            List<Match> matches = active.stream().map(community -> new Match(community, longestName(community, text)))
                    .filter(match -> match.length() > 0)
                    .sorted(Comparator.comparingInt(Match::length).reversed()).toList();
            if (matches.isEmpty() || matches.size() > 1 && matches.get(0).length() == matches.get(1).length()) {
                return Optional.empty();
            }
            return Optional.of(CommunityView.of(matches.getFirst().community()));
        });
    }

    /** The community with this code, if it takes new reports. */
    @WithSession
    public Uni<Optional<CommunityView>> byCode(String code) {
        return communities.find(code).map(found -> Optional.ofNullable(found).filter(community -> community.active)
                .map(CommunityView::of));
    }

    private record Match(Community community, int length) {
    }

    private static int longestName(Community community, String address) {
        String zh = community.nameZh.toLowerCase(Locale.ROOT);
        String zhShort = zh.endsWith(SUFFIX_ZH) ? zh.substring(0, zh.length() - SUFFIX_ZH.length()) : zh;
        return List.of(zh, zhShort, community.nameEn.toLowerCase(Locale.ROOT)).stream()
                .filter(name -> !name.isBlank() && address.contains(name))
                .mapToInt(String::length).max().orElse(0);
    }
}
