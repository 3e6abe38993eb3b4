using Xunit.Abstractions;

[assembly: TestCollectionOrderer("ExecReports.Tests.Support.LongCollectionsFirst", "ExecReports.Tests")]

namespace ExecReports.Tests.Support;

// The browser tests run one after another in one collection (one Chromium) and take about ten minutes on 2 cores; started
// wherever xunit happened to list them, they began after four minutes and were the suite's critical path. Started
// first, everything else runs beside them.
public sealed class LongCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] First = [BrowserCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .Select((collection, index) => (collection, index))
            .OrderBy(c => Array.IndexOf(First, c.collection.DisplayName) is var rank and >= 0 ? rank : First.Length)
            .ThenBy(c => c.index)
            .Select(c => c.collection);
}
