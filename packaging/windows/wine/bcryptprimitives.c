/* For the Wine checks only (scripts/check-windows.sh), never shipped: Debian's Wine 8 has
 * no bcryptprimitives.dll, whose ProcessPrng Rust's standard library imports for random
 * numbers on Windows 10 and later. This stand-in answers it with advapi32's
 * SystemFunction036 (RtlGenRandom), which Wine has. Windows itself has the real DLL. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
