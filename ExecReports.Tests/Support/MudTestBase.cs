using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ExecReports.Tests.Support;

// xunit 2 disposes a test class synchronously, and MudBlazor has async-only services: dispose through IAsyncLifetime.
public abstract class MudTestBase : BunitContext, IAsyncLifetime
{
    protected MudTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
