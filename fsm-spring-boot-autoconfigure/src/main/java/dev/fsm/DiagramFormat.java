package dev.fsm;

/**
 * The formats a workflow diagram can be rendered in.
 *
 * @since 0.1.0
 */
public enum DiagramFormat {

	/**
	 * Mermaid {@code stateDiagram-v2} text, rendered by GitHub, GitLab and most wikis.
	 */
	MERMAID("mmd", "text/vnd.mermaid"),

	/** Graphviz DOT text, for {@code dot -Tpng} and the many tools that read DOT. */
	DOT("dot", "text/vnd.graphviz"),

	/** A standalone SVG image, laid out and drawn by this library. */
	SVG("svg", "image/svg+xml");

	private final String fileExtension;

	private final String mediaType;

	DiagramFormat(String fileExtension, String mediaType) {
		this.fileExtension = fileExtension;
		this.mediaType = mediaType;
	}

	/** The file name extension, without the dot. */
	public String fileExtension() {
		return this.fileExtension;
	}

	/** The media type of the rendered text, without a charset (it is always UTF-8). */
	public String mediaType() {
		return this.mediaType;
	}

}
