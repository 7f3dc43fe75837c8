<?xml version="1.0"?>
<!-- video-windows-model: give a Windows guest a virtio display adapter.
     A targeted <model> becomes type='virtio' and loses the memory sizes of
     the old model (vram, ram, vgamem, vram64), which virtio does not take;
     heads and primary stay.  A targeted <graphics> (a display without any
     <video>) gets <video><model type='virtio' heads='1' primary='yes'/></video>
     after the last <graphics>, <sound> or <audio>.  A targeted <video>
     without a <model> (libvirt's default adapter) gets that <model>.
     Parameters: targets, the vl:id of each <model> or <graphics>. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:variable name="anchor" select="(/domain/devices/graphics | /domain/devices/sound | /domain/devices/audio)[last()]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="video/model">
    <xsl:copy>
      <xsl:choose>
        <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">
          <xsl:apply-templates select="@*[not(namespace-uri() = '' and (name() = 'vram' or name() = 'ram' or
                                           name() = 'vgamem' or name() = 'vram64'))]"/>
          <xsl:attribute name="type">virtio</xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="@*"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="video[not(model)]">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="contains($targets, concat(' ', @vl:id, ' '))">
        <model type='virtio' heads='1' primary='yes'/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices/graphics | /domain/devices/sound | /domain/devices/audio">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
    <xsl:if test="count(. | $anchor) = 1 and /domain/devices/graphics[contains($targets, concat(' ', @vl:id, ' '))]">
      <video>
        <model type='virtio' heads='1' primary='yes'/>
      </video>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
