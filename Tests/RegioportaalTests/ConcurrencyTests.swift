@testable import RegioSupport
@testable import Regioportaal
import Testing

@Suite struct ConcurrencyTests {
    /// Items started first (the large pages) still come back in their own place.
    @Test(arguments: [nil, 1, 7] as [Int?])
    func aMapKeepsTheOrderWhateverIsStartedFirst(granularity: Int?) {
        let items = Array(0..<1000)
        let mapped = ConcurrentMap.map(items, granularity: granularity, first: { $0 % 100 == 99 }) { "item \($0)" }
        #expect(mapped == items.map { "item \($0)" })
        #expect(ConcurrentMap.map(items, granularity: granularity, first: { _ in false }) { $0 * 2 } == items.map { $0 * 2 })
        #expect(ConcurrentMap.map([5], first: { _ in true }) { $0 * 2 } == [10])
        #expect(ConcurrentMap.map([Int](), first: { _ in true }) { $0 * 2 } == [])
    }
}
