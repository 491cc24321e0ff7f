package dev.fsm.web.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Point 5 of the locked doors: one bad row never breaks a page. A poster whose caption
 * was set to {@code null} through its transition, and one whose {@code toString()}
 * throws, are listed and shown with an empty label, next to the others.
 */
@SpringBootTest(classes = WebTestApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')" })
@AutoConfigureMockMvc
@WithMockUser(username = "ann", roles = "ADJUSTER")
class BadRowTests {

	private static final String BASE = "/api/workflows/Poster.state";

	@Autowired
	MockMvc mvc;

	@Autowired
	PosterRepository posters;

	@Test
	void aNullLabelSetThroughATransitionLeavesTheListAndTheEntityReadable() throws Exception {
		Poster good = this.posters.save(new Poster("Opening night"));
		Poster blanked = this.posters.save(new Poster("To be blanked"));
		this.mvc
			.perform(post(BASE + "/" + blanked.getId() + "/transitions/recaption").header(HttpHeaders.IF_MATCH, "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"caption\": null}"))
			.andExpect(status().isOk());
		assertThat(this.posters.findById(blanked.getId()).orElseThrow().getCaption()).isNull();
		this.mvc.perform(get(BASE).param("size", "500"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.id == '" + blanked.getId() + "')].label", contains("")))
			.andExpect(jsonPath("$.content[?(@.id == '" + good.getId() + "')].label", contains("Opening night")));
		this.mvc.perform(get(BASE + "/" + blanked.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.label").value(""))
			.andExpect(jsonPath("$.state").value("DRAFT"));
	}

	@Test
	void aToStringThatThrowsLeavesTheListAndTheEntityReadable() throws Exception {
		Poster good = this.posters.save(new Poster("Matinee"));
		Poster broken = this.posters.save(new Poster("!unprintable"));
		this.mvc.perform(get(BASE).param("state", "DRAFT").param("size", "500"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.id == '" + broken.getId() + "')].label", contains("")))
			.andExpect(jsonPath("$.content[?(@.id == '" + good.getId() + "')].label", contains("Matinee")));
		this.mvc.perform(get(BASE + "/" + broken.getId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.label").value(""));
		this.mvc.perform(get(BASE + "/" + broken.getId() + "/history")).andExpect(status().isOk());
		this.mvc.perform(get(BASE + "/" + broken.getId() + "/diagram")).andExpect(status().isOk());
	}

}
