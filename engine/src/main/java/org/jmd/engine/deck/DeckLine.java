package org.jmd.engine.deck;

/**
 * One command of a deck as written, comments removed and continuation lines joined.
 *
 * @param text   the command text, variables not yet substituted (they are expanded when the
 *               line runs, so a {@code variable} defined above it is seen)
 * @param source the deck file, for messages
 * @param line   1-based number of the line the command starts on
 */
public record DeckLine(String text, String source, int line) {}
