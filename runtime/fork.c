/* os.fork under every locking strategy: see runtime/fork.h. */
#include "runtime/fork.h"
#include <unistd.h>

pid_t ft_fork(FtThreadState *ts) {
    (void)ts;
    return fork();
}
