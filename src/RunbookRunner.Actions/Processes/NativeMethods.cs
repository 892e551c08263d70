using System.Runtime.InteropServices;

namespace RunbookRunner.Actions.Processes;

/// <summary>libc calls .NET does not expose: signalling a whole process group.</summary>
internal static partial class NativeMethods
{
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>kill(2); a negative <paramref name="pid"/> signals the process group <c>-pid</c>.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static partial int Kill(int pid, int signal);
}
