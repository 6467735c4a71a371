import Testing
@Test func placeholder_LangTests() { #expect(1 + 1 == 2) }
