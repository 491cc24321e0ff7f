package dev.fsm.diagram;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A rendered SVG parsed as XML, with the states, edges and labels the renderer marks with
 * {@code data-*} attributes.
 */
final class SvgDocument {

	private static final Pattern POINT = Pattern.compile("(-?[0-9.]+),(-?[0-9.]+)");

	final Element root;

	final double width;

	final double height;

	final Map<String, State> states = new LinkedHashMap<>();

	final List<Edge> edges = new ArrayList<>();

	SvgDocument(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		this.root = document.getDocumentElement();
		this.width = Double.parseDouble(this.root.getAttribute("width"));
		this.height = Double.parseDouble(this.root.getAttribute("height"));
		for (Element group : elements(this.root, "g")) {
			if (group.hasAttribute("data-state")) {
				List<Element> rects = elements(group, "rect");
				this.states.put(group.getAttribute("data-state"), new State(group, Box.of(rects.get(0)), rects.size()));
			}
			else if (group.hasAttribute("data-source")) {
				this.edges.add(new Edge(group));
			}
		}
	}

	static List<Element> elements(Element parent, String name) {
		NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
		List<Element> result = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			result.add((Element) nodes.item(i));
		}
		return result;
	}

	/** The edges from {@code source} to {@code target} that carry {@code transition}. */
	List<Edge> edges(String source, String target, String transition) {
		return this.edges.stream()
			.filter((edge) -> edge.source().equals(source) && edge.target().equals(target)
					&& edge.transitions().contains(transition))
			.toList();
	}

	record Box(double x, double y, double width, double height) {

		static Box of(Element rect) {
			return new Box(number(rect, "x"), number(rect, "y"), number(rect, "width"), number(rect, "height"));
		}

		boolean overlaps(Box other) {
			return this.x < other.x + other.width && other.x < this.x + this.width && this.y < other.y + other.height
					&& other.y < this.y + this.height;
		}

		boolean onBorder(double[] point) {
			double px = point[0];
			double py = point[1];
			boolean onSide = (near(px, this.x) || near(px, this.x + this.width)) && py >= this.y - 0.1
					&& py <= this.y + this.height + 0.1;
			boolean onTop = near(py, this.y) && px >= this.x && px <= this.x + this.width;
			return onSide || onTop;
		}

		private static boolean near(double a, double b) {
			return Math.abs(a - b) < 0.15;
		}

	}

	record State(Element element, Box box, int borders) {

		boolean is(String flag) {
			return Boolean.parseBoolean(this.element.getAttribute("data-" + flag));
		}

		String fill() {
			return elements(this.element, "rect").get(0).getAttribute("fill");
		}

	}

	record Edge(Element element) {

		String source() {
			return this.element.getAttribute("data-source");
		}

		String target() {
			return this.element.getAttribute("data-target");
		}

		boolean isError() {
			return "error".equals(this.element.getAttribute("data-kind"));
		}

		boolean isEmphasised() {
			return Boolean.parseBoolean(this.element.getAttribute("data-emphasised"));
		}

		Element path() {
			return elements(this.element, "path").get(0);
		}

		List<Element> labels() {
			return elements(this.element, "text");
		}

		List<String> transitions() {
			return labels().stream().map((label) -> label.getAttribute("data-transition")).toList();
		}

		/** Every coordinate pair of the path, the start first and the arrow tip last. */
		List<double[]> points() {
			List<double[]> points = new ArrayList<>();
			Matcher matcher = POINT.matcher(path().getAttribute("d"));
			while (matcher.find()) {
				points.add(new double[] { Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)) });
			}
			return points;
		}

		/** The approximate box of each label's text. */
		List<Box> labelBoxes() {
			List<Box> boxes = new ArrayList<>();
			for (Element label : labels()) {
				double size = number(label, "font-size");
				double textWidth = TextMetrics.width(label.getTextContent(), size,
						"bold".equals(label.getAttribute("font-weight")));
				boxes.add(new Box(number(label, "x") - textWidth / 2, number(label, "y") - size * 0.8, textWidth,
						size * 0.8 + size * 0.2));
			}
			return boxes;
		}

	}

	private static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}

}
