package com.solanamafia.query.api;

import java.util.List;

/**
 * The one envelope of every list resource: {@code {"data": [...], "page": {"limit": n, "nextCursor": "..."}}}.
 * {@code nextCursor} is null on the last page; pass it back as {@code ?cursor=} for the next one.
 */
public record ListResponse<T>(List<T> data, Page page) {

    public record Page(int limit, String nextCursor) {
    }

    public static <T> ListResponse<T> of(List<T> data, int limit, String nextCursor) {
        return new ListResponse<>(data, new Page(limit, nextCursor));
    }
}
