package dev.fsm.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

import dev.fsm.DiagramFormat;

/**
 * The diagram format an {@code Accept} header asks for: Mermaid for
 * {@code text/vnd.mermaid}, DOT for {@code text/vnd.graphviz} (Mermaid for
 * {@code text/*}), SVG for anything else, in the header's order.
 */
enum DiagramMediaTypes {

	SVG(DiagramFormat.SVG, MediaType.parseMediaType("image/svg+xml")),

	MERMAID(DiagramFormat.MERMAID, MediaType.parseMediaType("text/vnd.mermaid;charset=UTF-8")),

	DOT(DiagramFormat.DOT, MediaType.parseMediaType("text/vnd.graphviz;charset=UTF-8"));

	private final DiagramFormat format;

	private final MediaType mediaType;

	DiagramMediaTypes(DiagramFormat format, MediaType mediaType) {
		this.format = format;
		this.mediaType = mediaType;
	}

	DiagramFormat format() {
		return this.format;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	static DiagramMediaTypes accepted(@Nullable String accept) {
		for (MediaType requested : MediaType.parseMediaTypes((accept != null) ? accept : "*/*")) {
			if (requested.isCompatibleWith(SVG.mediaType)) {
				return SVG;
			}
			for (DiagramMediaTypes text : new DiagramMediaTypes[] { MERMAID, DOT }) {
				if (!requested.isWildcardType() && requested.isCompatibleWith(text.mediaType)) {
					return text;
				}
			}
		}
		return SVG;
	}

}
