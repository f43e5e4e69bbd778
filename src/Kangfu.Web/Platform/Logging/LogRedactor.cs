using System.Text.RegularExpressions;

namespace Kangfu.Web.Platform.Logging;

/// <summary>
/// Removes personal identifiers from log text (PIPL): resident ID and certificate numbers, mobile numbers,
/// and the values of search parameters (which may carry names) in logged URLs.
/// </summary>
public static partial class LogRedactor
{
    public static string Redact(string text) =>
        SearchParameter().Replace(Mobile().Replace(IdNumber().Replace(text, "[身份证号]"), "[电话]"), "$1=[已隐藏]");

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?:\d{2})?(?:[Bb]\d)?(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?i)\b(q|name|phone|idNumber|query)=[^&\s""]*")]
    private static partial Regex SearchParameter();
}

/// <summary>Wraps a logger provider so that every message and exception text passes through <see cref="LogRedactor"/>.</summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = LogRedactor.Redact(formatter(state, exception));
            var error = exception is null ? null : new RedactedException(LogRedactor.Redact(exception.ToString()));
            inner.Log(logLevel, eventId, message, error, (m, _) => m);
        }
    }

    private sealed class RedactedException(string text) : Exception(text)
    {
        public override string ToString() => Message;
    }
}
