package dev.fsm.web;

import java.util.Map;

/**
 * The page a listing asks for: a negative page is the first, the size between 1 and
 * {@code fsm.web.max-page-size}, and a page so far that its first row is beyond what a
 * query can skip is a 400, not an overflow.
 */
record Paging(int page, int size) {

	/**
	 * @throws WorkflowApiException 400 when the page starts beyond
	 * {@code Integer.MAX_VALUE} rows
	 */
	static Paging of(int page, int size, int maxSize) {
		Paging paging = new Paging(Math.max(page, 0), Math.max(1, Math.min(size, maxSize)));
		if ((long) paging.page() * paging.size() > Integer.MAX_VALUE) {
			throw new WorkflowApiException(
					ProblemType.BAD_REQUEST, "Page " + page + " of " + paging.size() + " starts beyond the "
							+ Integer.MAX_VALUE + " rows a listing can skip",
					Map.of("page", page, "size", paging.size()));
		}
		return paging;
	}

}
