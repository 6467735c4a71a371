// Copyright © 2026 the ssl authors.

import Runtime
import Testing

@Suite struct ResultsCSVParserTests {
  static let header = "model,task,group,protocol,metric,value,ci95,better\n"
  static let good = "BYOL,Pets,manyshot,linear,mean-per-class,89.10,,higher\n"

  func parse(_ body: String) throws(ResultsCSVError) -> ResultsTable {
    try ResultsTable(csv: Self.header + body)
  }

  @Test func acceptsWellFormedText() throws {
    let table = try parse(Self.good + "BYOL,ISIC,cdfsl,fewshot-5way-20shot,top1,41.94,0.57,higher")
    #expect(table.rows.count == 2)
    #expect(table.rows[1].ci95 == 0.57)
    #expect(table.rows[1].provenance == .reference(table: 3))
    let crlf = try ResultsTable(csv: (Self.header + Self.good).replacing("\n", with: "\r\n"))
    #expect(crlf.rows.count == 1)
    let measured = try ResultsTable(
      csv: Self.header + Self.good, provenance: .measured(description: "run 1"))
    #expect(measured.rows[0].provenance == .measured(description: "run 1"))
  }

  @Test func rejectsStructure() {
    #expect(throws: ResultsCSVError.empty) { try ResultsTable(csv: "") }
    #expect(throws: ResultsCSVError.wrongHeader(found: ["model", "task"])) {
      try ResultsTable(csv: "model,task\n")
    }
    #expect(throws: ResultsCSVError.wrongFieldCount(line: 3, expected: 8, found: 7)) {
      try parse(Self.good + "BYOL,Pets,manyshot,linear,top1,89.10,\n")
    }
    #expect(throws: ResultsCSVError.blankLine(line: 2)) { try parse("\n" + Self.good) }
    #expect(throws: ResultsCSVError.quotedField(line: 2, column: "model")) {
      try parse("\"BYOL\",Pets,manyshot,linear,top1,89.10,,higher\n")
    }
    #expect(throws: ResultsCSVError.duplicateRow(line: 3, firstLine: 2)) {
      try parse(Self.good + Self.good)
    }
  }

  @Test func rejectsFieldValues() {
    #expect(throws: ResultsCSVError.emptyField(line: 2, column: "task")) {
      try parse("BYOL,,manyshot,linear,top1,89.10,,higher\n")
    }
    #expect(throws: ResultsCSVError.emptyField(line: 2, column: "better")) {
      try parse("BYOL,Pets,manyshot,linear,top1,89.10,, \n")
    }
    // A decimal comma splits the value into two fields.
    #expect(throws: ResultsCSVError.wrongFieldCount(line: 2, expected: 8, found: 9)) {
      try parse("BYOL,Pets,manyshot,linear,top1,89,10,,higher\n")
    }
  }

  @Test(arguments: [
    (
      "BYOL,Pets,manyshot,linear,top1,abc,,higher",
      ResultsCSVError.invalidNumber(line: 2, column: "value", text: "abc")
    ),
    (
      "BYOL,Pets,manyshot,linear,top1,nan,,higher",
      .invalidNumber(line: 2, column: "value", text: "nan")
    ),
    (
      "BYOL,Pets,manyshot,linear,top1, 89.1,,higher",
      .invalidNumber(line: 2, column: "value", text: " 89.1")
    ),
    (
      "BYOL,Pets,manyshot,linear,top1,89.1,0x1p3,higher",
      .invalidNumber(line: 2, column: "ci95", text: "0x1p3")
    ),
    ("BYOL,Pets,manyshot,linear,top1,89.1,,better", .invalidDirection(line: 2, text: "better")),
    (
      "BYOL,Pets,manyshot,linear,top1,1e999,,higher",
      .invalidNumber(line: 2, column: "value", text: "1e999")
    ),
    (
      "BYOL,Pets,many-shot,linear,top1,89.1,,higher",
      .unknownGroup(line: 2, text: "many-shot")
    ),
  ])
  func rejectsBadField(line: String, expected: ResultsCSVError) {
    #expect(throws: expected) { try parse(line + "\n") }
  }

  @Test func messagesNameLineAndColumn() {
    let error = ResultsCSVError.invalidNumber(line: 12, column: "value", text: "abc")
    #expect(error.description == "line 12, column 'value': 'abc' is not a finite number")
    #expect(
      ResultsCSVError.wrongFieldCount(line: 4, expected: 8, found: 7).description
        == "line 4: expected 8 fields, found 7")
  }
}
