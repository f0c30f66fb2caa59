/**
 * Office documents other than spreadsheets, shared by every module that writes a Word report, letter or 文书.
 * <p>
 * {@link WordDocument} is a small fluent writer over Apache POI's XWPF with the house style: an East Asian font on
 * every run (宋体 unless a document chooses another, e.g. the 仿宋/黑体/楷体 of a 公文), a centred bold title, numbered
 * section headings, body paragraphs, tables with a bold header row and a valid table grid over the width of an A4
 * page (so Word never has to "repair" the file), PNG images, page breaks, and {@code {{field}}} templates filled in
 * place. What a document says, and in which order, stays with the module that writes it. Spreadsheets are
 * {@code platform.excel}.
 */
package org.cityops.platform.office;
