namespace ExecReports.Tests.Support;

// Every browser test closes what it opened when it ends. A page left open on a stopped app keeps trying to reconnect
// its Blazor circuit and repainting the reconnect dialog: a dozen such renderers held both cores of a CI machine for
// the rest of the suite, until CLI tests ran past their two-minute guard.
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected BrowserFixture Chromium { get; } = browser;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Chromium.CloseOpenPagesAsync();
}
