import Testing
@Test func placeholder_RuntimeTests() { #expect(1 + 1 == 2) }
