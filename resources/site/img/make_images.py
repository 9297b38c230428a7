#!/usr/bin/env python3
# Regenerate with: cd resources/site/img && python3 make_images.py
# Draws the demo site's two ladder pictures (240x120 PNG) with no imaging library.
import zlib, struct
W, H = 240, 120
FONT = {  # 5x7 glyphs
 'S':["01111","10000","10000","01110","00001","00001","11110"],
 'Y':["10001","10001","01010","00100","00100","00100","00100"],
 'N':["10001","11001","10101","10011","10001","10001","10001"],
 'A':["01110","10001","10001","11111","10001","10001","10001"],
 'C':["01111","10000","10000","10000","10000","10000","01111"],
 'K':["10001","10010","10100","11000","10100","10010","10001"],
 'F':["11111","10000","10000","11110","10000","10000","10000"],
 'I':["01110","00100","00100","00100","00100","00100","01110"],
 '+':["00000","00100","00100","11111","00100","00100","00000"],
 ' ':["00000"]*7,
}
def canvas(): return [[(247,249,252)]*W for _ in range(H)]
def px(c,x,y,col):
    if 0<=x<W and 0<=y<H: c[y][x]=col
def line(c,x0,y0,x1,y1,col,t=2):
    n=max(abs(x1-x0),abs(y1-y0),1)
    for i in range(n+1):
        x=x0+(x1-x0)*i/n; y=y0+(y1-y0)*i/n
        for dx in range(-(t//2),t-(t//2)):
            for dy in range(-(t//2),t-(t//2)):
                px(c,int(round(x))+dx,int(round(y))+dy,col)
def arrow(c,x0,y0,x1,y1,col):
    line(c,x0,y0,x1,y1,col)
    d=1 if x1>x0 else -1
    line(c,x1,y1,x1-8*d,y1-5,col); line(c,x1,y1,x1-8*d,y1+1,col)
def text(c,s,x,y,col):
    for ch in s:
        g=FONT[ch]
        for r,row in enumerate(g):
            for k,b in enumerate(row):
                if b=='1': px(c,x+k,y+r,col)
        x+=6
def png(c,path):
    raw=b''.join(b'\x00'+bytes(v for p in row for v in p) for row in c)
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    data=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',W,H,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b'')
    open(path,'wb').write(data)
BLUE=(31,95,168); GREEN=(45,125,70); ORANGE=(200,110,20); GREY=(60,70,80)
def ladder(labels, path, colors):
    c=canvas()
    line(c,40,8,40,112,GREY,3); line(c,200,8,200,112,GREY,3)
    y=22
    for i,(lab,col) in enumerate(zip(labels,colors)):
        if i%2==0: arrow(c,42,y,198,y+16,col); text(c,lab,64,y-9,col)
        else: arrow(c,198,y,42,y+16,col); text(c,lab,150,y-8,col)
        y+=24
    png(c,path)
ladder(["SYN","SYN+ACK","ACK"],"handshake.png",[BLUE,GREEN,BLUE])
ladder(["FIN","ACK","FIN","ACK"],"teardown.png",[ORANGE,GREEN,ORANGE,GREEN])
