using Microsoft.Extensions.Logging;

namespace ExecReports.Tests.Integration.Archive;

// Lets a test wait for a log line (e.g. the first "retrying") instead of guessing with a sleep.
public sealed class SignallingLoggerFactory(string phrase, TaskCompletionSource signal) : ILoggerFactory, ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(phrase, signal);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string phrase, TaskCompletionSource signal) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains(phrase, StringComparison.Ordinal))
            {
                signal.TrySetResult();
            }
        }
    }
}
