package org.lookout.complaint.taxonomy;

import java.util.List;

/** A category with its items, in display order. */
public record CategoryView(String code, String nameZh, String nameEn, List<ItemView> items) {
}
