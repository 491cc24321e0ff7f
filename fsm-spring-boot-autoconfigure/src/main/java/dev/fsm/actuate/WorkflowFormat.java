package dev.fsm.actuate;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;

import dev.fsm.DiagramFormat;

/**
 * The representations of one workflow that {@link WorkflowsEndpoint} produces, chosen by
 * the {@code Accept} header or the {@code format} request parameter. When several
 * accepted types match, the later constant wins, so a client that accepts anything gets
 * JSON.
 *
 * @since 0.1.0
 * <p>
 * Public because Actuator reads it from the signature of the endpoint's operation.
 */
public enum WorkflowFormat implements Producible<WorkflowFormat> {

	/** Mermaid {@code stateDiagram-v2} text. */
	MERMAID(DiagramFormat.MERMAID),

	/** Graphviz DOT text. */
	DOT(DiagramFormat.DOT),

	/** An SVG image. */
	SVG(DiagramFormat.SVG),

	/** The workflow model as plain JSON. */
	JSON("application/json"),

	/** The workflow model as Actuator's versioned JSON; the default. */
	ACTUATOR_JSON("application/vnd.spring-boot.actuator.v3+json");

	private final MimeType mimeType;

	private final @Nullable DiagramFormat diagramFormat;

	WorkflowFormat(DiagramFormat diagramFormat) {
		this.mimeType = new MimeType(MimeType.valueOf(diagramFormat.mediaType()),
				java.nio.charset.StandardCharsets.UTF_8);
		this.diagramFormat = diagramFormat;
	}

	WorkflowFormat(String mimeType) {
		this.mimeType = MimeType.valueOf(mimeType);
		this.diagramFormat = null;
	}

	@Override
	public MimeType getProducedMimeType() {
		return this.mimeType;
	}

	@Override
	public boolean isDefault() {
		return this == ACTUATOR_JSON;
	}

	/** The diagram format, or {@code null} for the JSON representations. */
	@Nullable DiagramFormat diagramFormat() {
		return this.diagramFormat;
	}

	/**
	 * The format named by a {@code format} request parameter: {@code json},
	 * {@code mermaid}, {@code dot} or {@code svg}, in any case; {@code null} for any
	 * other name.
	 */
	static @Nullable WorkflowFormat named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "json" -> JSON;
			case "mermaid", "mmd" -> MERMAID;
			case "dot", "graphviz" -> DOT;
			case "svg" -> SVG;
			default -> null;
		};
	}

}
