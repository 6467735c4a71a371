import Testing
@Test func placeholder_replTests() { #expect(1 + 1 == 2) }
