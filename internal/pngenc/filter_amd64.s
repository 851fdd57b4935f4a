#include "textflag.h"

// func filterRGBBlocks(cur, prev, sub, up *byte, left uint32, blocks int) (sumSub, sumUp uint64)
//
// Per block of four RGBA pixels (16 bytes): Up = cur − prev and Sub = cur −
// (cur shifted one pixel right, the previous block's last pixel first), by
// bytes; PSHUFB drops the alpha bytes (12 bytes kept, then 4 zeros); PABSB
// and PSADBW add the bytes as signed magnitudes into two 64-bit lanes.
TEXT ·filterRGBBlocks(SB), NOSPLIT, $0-64
	MOVQ cur+0(FP), SI
	MOVQ prev+8(FP), DX
	MOVQ sub+16(FP), DI
	MOVQ up+24(FP), R8
	MOVL left+32(FP), AX
	MOVQ blocks+40(FP), CX
	MOVQ AX, X6
	PSLLDQ $12, X6              // the pixel left of the block, in bytes 12-15
	MOVOU ·packRGB<>(SB), X7
	PXOR X8, X8                 // zero, for PSADBW
	PXOR X9, X9                 // Sub's sums
	PXOR X10, X10               // Up's sums
	TESTQ CX, CX
	JZ done

loop:
	MOVOU (SI), X0              // cur
	MOVOU (DX), X1              // prev
	MOVO X0, X2
	PALIGNR $12, X6, X2         // the left neighbours: last pixel of X6, then cur's first three
	MOVO X0, X6
	MOVO X0, X3
	PSUBB X2, X3                // Sub
	PSUBB X1, X0                // Up
	PSHUFB X7, X3
	PSHUFB X7, X0
	MOVOU X3, (DI)
	MOVOU X0, (R8)
	PABSB X3, X4
	PABSB X0, X5
	PSADBW X8, X4
	PSADBW X8, X5
	PADDQ X4, X9
	PADDQ X5, X10
	ADDQ $16, SI
	ADDQ $16, DX
	ADDQ $12, DI
	ADDQ $12, R8
	DECQ CX
	JNZ loop

done:
	MOVQ X9, AX
	PSRLDQ $8, X9
	MOVQ X9, BX
	ADDQ BX, AX
	MOVQ AX, sumSub+48(FP)
	MOVQ X10, AX
	PSRLDQ $8, X10
	MOVQ X10, BX
	ADDQ BX, AX
	MOVQ AX, sumUp+56(FP)
	RET

// packRGB: the PSHUFB mask that keeps bytes 0-2, 4-6, 8-10 and 12-14 (the
// RGB of four pixels) and zeroes the last four.
DATA ·packRGB<>+0(SB)/8, $0x0908060504020100
DATA ·packRGB<>+8(SB)/8, $0x808080800e0d0c0a
GLOBL ·packRGB<>(SB), RODATA|NOPTR, $16
