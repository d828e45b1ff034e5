/* The opcode tables declared in vmtypes.h (names, argument kinds, stack effects), all
 * expanded from core/vm/opcodes.def so that nothing is kept in sync by hand. */
#include "core/object.h"

const char *const ft_opcode_names[FT_OP_COUNT] = {
#define OP(name, kind, effect, jeffect) [FT_OP_##name] = #name,
#include "core/vm/opcodes.def"
#undef OP
};

const uint8_t ft_opcode_argkind[FT_OP_COUNT] = {
#define OP(name, kind, effect, jeffect) [FT_OP_##name] = FT_ARG_##kind,
#include "core/vm/opcodes.def"
#undef OP
};

/* Stack effect of one instruction. `jump` selects the effect on the taken branch of a jump
 * instruction; for every other instruction both cases are the same. */
int ft_opcode_stack_effect(int op, int arg, int jump)
{
    switch (op) {
#define OP(name, kind, effect, jeffect)                                   \
    case FT_OP_##name:                                                    \
        return (jump && FT_ARG_##kind == FT_ARG_JUMP) ? (jeffect) : (effect);
#include "core/vm/opcodes.def"
#undef OP
    default:
        return 0;
    }
}
